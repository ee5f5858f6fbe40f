package tgapi

import (
	"fmt"
	"html"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Limits of the Bot API, in UTF-16 code units after entity parsing.
const (
	MaxTextLen    = 4096
	MaxCaptionLen = 1024
)

// RenderText validates text against parse_mode and returns the visible plain
// text. HTML is parsed like Telegram does (supported tags, balanced nesting);
// Markdown and MarkdownV2 are checked for unbalanced entities and, for V2,
// unescaped reserved characters. Entities themselves are not reported.
func RenderText(text, mode string) (string, *Error) {
	var plain string
	var err error
	switch strings.ToLower(mode) {
	case "html":
		plain, err = renderHTML(text)
	case "markdownv2":
		plain, err = renderMarkdown(text, true)
	case "markdown":
		plain, err = renderMarkdown(text, false)
	default:
		plain = text
	}
	if err != nil {
		return "", BadRequest("can't parse entities: %s", err.Error())
	}
	return plain, nil
}

func UTF16Len(s string) int { return len(utf16.Encode([]rune(s))) }

// CheckText applies the message text rules of sendMessage and editMessageText.
func CheckText(text, mode string) (string, *Error) {
	plain, err := RenderText(text, mode)
	if err != nil {
		return "", err
	}
	if strings.TrimSpace(plain) == "" {
		return "", BadRequest("message text is empty")
	}
	if UTF16Len(plain) > MaxTextLen {
		return "", BadRequest("message is too long")
	}
	return plain, nil
}

// CheckCaption applies the caption rules of media messages.
func CheckCaption(caption, mode string) (string, *Error) {
	plain, err := RenderText(caption, mode)
	if err != nil {
		return "", err
	}
	if UTF16Len(plain) > MaxCaptionLen {
		return "", BadRequest("message caption is too long")
	}
	return plain, nil
}

var htmlTags = map[string]bool{
	"b": true, "strong": true, "i": true, "em": true, "u": true, "ins": true,
	"s": true, "strike": true, "del": true, "span": true, "tg-spoiler": true,
	"a": true, "tg-emoji": true, "code": true, "pre": true, "blockquote": true, "tg-time": true,
}

func isTagChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
}

func renderHTML(s string) (string, error) {
	var out strings.Builder
	var stack []string
	for i := 0; i < len(s); {
		switch s[i] {
		case '<':
			j := i + 1
			closing := j < len(s) && s[j] == '/'
			if closing {
				j++
			}
			k := j
			for k < len(s) && isTagChar(s[k]) {
				k++
			}
			name := strings.ToLower(s[j:k])
			end := strings.IndexByte(s[k:], '>')
			switch {
			case closing && end < 0:
				return "", fmt.Errorf("Unclosed end tag at byte offset %d", i)
			case closing && len(stack) == 0:
				return "", fmt.Errorf("Unexpected end tag at byte offset %d", i)
			case closing && stack[len(stack)-1] != name:
				return "", fmt.Errorf("Unmatched end tag at byte offset %d, expected \"</%s>\", found \"</%s>\"", i, stack[len(stack)-1], name)
			case closing:
				stack = stack[:len(stack)-1]
			case !htmlTags[name]:
				return "", fmt.Errorf("Unsupported start tag \"%s\" at byte offset %d", name, i)
			case end < 0:
				return "", fmt.Errorf("Unclosed start tag at byte offset %d", i)
			default:
				stack = append(stack, name)
			}
			i = k + end + 1
		case '&':
			if semi := strings.IndexByte(s[i:], ';'); semi > 1 && semi <= 10 {
				if ent := s[i : i+semi+1]; html.UnescapeString(ent) != ent {
					out.WriteString(html.UnescapeString(ent))
					i += semi + 1
					continue
				}
			}
			out.WriteByte('&')
			i++
		default:
			out.WriteByte(s[i])
			i++
		}
	}
	if len(stack) > 0 {
		return "", fmt.Errorf("Can't find end tag corresponding to start tag \"%s\"", stack[len(stack)-1])
	}
	return out.String(), nil
}

// mdV2Reserved are the characters MarkdownV2 requires escaped outside entities.
const mdV2Reserved = "_*[]()~`>#+-=|{}.!"

// renderMarkdown strips Markdown (legacy) or MarkdownV2 markup and reports
// the errors Telegram reports for unbalanced entities and, in V2, reserved
// characters that are not escaped.
func renderMarkdown(s string, v2 bool) (string, error) {
	var out strings.Builder
	open := map[string]int{} // marker -> byte offset it was opened at
	lineStart := true
	for i := 0; i < len(s); {
		c := s[i]
		atLine := lineStart
		lineStart = c == '\n'
		switch {
		case c == '\\' && i+1 < len(s) && (v2 || strings.IndexByte("_*`[", s[i+1]) >= 0):
			_, n := utf8.DecodeRuneInString(s[i+1:])
			out.WriteString(s[i+1 : i+1+n])
			i += 1 + n
		case c == '`':
			fence := "`"
			if strings.HasPrefix(s[i:], "```") {
				fence = "```"
			}
			end := strings.Index(s[i+len(fence):], fence)
			if end < 0 {
				return "", fmt.Errorf("Can't find end of the entity starting at byte offset %d", i)
			}
			body := s[i+len(fence) : i+len(fence)+end]
			if fence == "```" {
				if nl := strings.IndexByte(body, '\n'); nl >= 0 && !strings.ContainsAny(body[:nl], " \t") {
					body = body[nl+1:] // language line
				}
			}
			if v2 {
				body = strings.NewReplacer("\\`", "`", "\\\\", "\\").Replace(body)
			}
			out.WriteString(body)
			i += len(fence) + end + len(fence)
		case c == '[' || (v2 && c == '!' && strings.HasPrefix(s[i:], "![")):
			start := i
			if c == '!' {
				start++
			}
			mid := strings.Index(s[start:], "](")
			closeAt := -1
			if mid >= 0 {
				closeAt = strings.IndexByte(s[start+mid:], ')')
			}
			if mid < 0 || closeAt < 0 {
				if v2 {
					return "", fmt.Errorf("Character '%c' is reserved and must be escaped with the preceding '\\'", c)
				}
				out.WriteByte(c)
				i++
				continue
			}
			inner, err := renderMarkdown(s[start+1:start+mid], v2)
			if err != nil {
				return "", err
			}
			out.WriteString(inner)
			i = start + mid + closeAt + 1
		case v2 && c == '>' && atLine:
			i++
		case v2 && strings.HasPrefix(s[i:], "**>") && atLine:
			i += 3
		case v2 && (strings.HasPrefix(s[i:], "__") || strings.HasPrefix(s[i:], "||")):
			toggle(open, s[i:i+2], i)
			i += 2
		case c == '*' || c == '_' || (v2 && c == '~'):
			toggle(open, string(c), i)
			i++
		case v2 && strings.IndexByte(mdV2Reserved, c) >= 0:
			return "", fmt.Errorf("Character '%c' is reserved and must be escaped with the preceding '\\'", c)
		default:
			out.WriteByte(c)
			i++
		}
	}
	first := -1
	for _, at := range open {
		if first < 0 || at < first {
			first = at
		}
	}
	if first >= 0 {
		return "", fmt.Errorf("Can't find end of the entity starting at byte offset %d", first)
	}
	return out.String(), nil
}

func toggle(open map[string]int, marker string, at int) {
	if _, ok := open[marker]; ok {
		delete(open, marker)
	} else {
		open[marker] = at
	}
}
