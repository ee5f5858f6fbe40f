package fold

import "unicode/utf8"

// Views are the four normalised forms of one text that the checker matches on, each with, for
// every byte, the index of the original rune it came from, so that a match in any view maps
// back to the exact words of the original.
type Views struct {
	Segs []int32 // Segs[k] is the original byte offset of rune k; the last entry is len(s)

	Cased, Lower, Words, Compact          []byte  // see Build
	CasedSeg, LowerSeg, WordsSeg, CompSeg []int32 // per view byte: its original rune (index into Segs)
}

// Build fills v with the views of s, reusing v's buffers: Cased is NFKC with Map applied
// (zero-width characters removed, native digits to ASCII, dashes and quotes unified); Lower is
// Cased lower-cased; Words is Lower with every run of spaces and punctuation folded to one
// space; Compact is Lower without spaces and punctuation, except one space between Latin
// words. Words and Compact are then folded by Latin, Compact by Khmer too.
func (v *Views) Build(s string) {
	cased, lower, words, compact := v.Cased[:0], v.Lower[:0], v.Words[:0], v.Compact[:0]
	segs := v.Segs[:0]
	cs, ls, ws, ks := v.CasedSeg[:0], v.LowerSeg[:0], v.WordsSeg[:0], v.CompSeg[:0]

	gapSeg := int32(-1) // segment of the first separator since the last kept rune
	var one [utf8.UTFMax * 4]byte
	for i := 0; i < len(s); {
		k := int32(len(segs))
		segs = append(segs, int32(i))
		r, w := utf8.DecodeRuneInString(s[i:])
		i += w
		var rest []byte                // the runes of r's NFKC form after the first
		if r >= 0x80 && !Caseless(r) { // ASCII and caseless runes are their own NFKC form
			rest = NFKCRune(s[i-w:], one[:0])
			if len(rest) == 0 {
				continue
			}
			var n int
			r, n = utf8.DecodeRune(rest)
			rest = rest[n:]
		}
		for {
			if r = Map(r); r >= 0 {
				cased = utf8.AppendRune(cased, r)
				cs = grow(cs, k, len(cased))
				lr := ToLower(r)
				lower = utf8.AppendRune(lower, lr)
				ls = grow(ls, k, len(lower))
				if Kept(lr) {
					words = utf8.AppendRune(words, lr)
					ws = grow(ws, k, len(words))
					// Latin words stay apart in the compact view, so "telegram @id" keeps a boundary.
					if gapSeg >= 0 && lr < 0x80 && len(compact) > 0 && asciiAlnum(compact[len(compact)-1]) {
						compact = append(compact, ' ')
						ks = append(ks, gapSeg)
					}
					gapSeg = -1
					compact = utf8.AppendRune(compact, lr)
					ks = grow(ks, k, len(compact))
				} else {
					if gapSeg < 0 {
						gapSeg = k
					}
					if len(words) > 0 && words[len(words)-1] != ' ' {
						words = append(words, ' ')
						ws = append(ws, k)
					}
				}
			}
			if len(rest) == 0 {
				break
			}
			r, rest = next(rest)
		}
	}
	segs = append(segs, int32(len(s)))
	compact, ks = Khmer(compact, ks)
	words, ws = Latin(words, ws)
	compact, ks = Latin(compact, ks)
	v.Segs = segs
	v.Cased, v.Lower, v.Words, v.Compact = cased, lower, words, compact
	v.CasedSeg, v.LowerSeg, v.WordsSeg, v.CompSeg = cs, ls, ws, ks
}

// next decodes the first rune of b and returns it with the rest of b.
func next(b []byte) (rune, []byte) {
	r, n := utf8.DecodeRune(b)
	return r, b[n:]
}

// grow appends segment k until seg covers n bytes.
func grow(seg []int32, k int32, n int) []int32 {
	for len(seg) < n {
		seg = append(seg, k)
	}
	return seg
}
