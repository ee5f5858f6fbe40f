package tgapi

import (
	"bytes"
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
)

// MaxBody bounds a request body, like Telegram's 50 MB Upload limit.
const MaxBody = 50 << 20

// Upload is one file part of a multipart request.
type Upload struct {
	Name        string
	ContentType string
	Data        []byte
}

// Params is a request's parameters normalised from the query string and a
// JSON, urlencoded or multipart body. Every value is text: JSON strings are
// unquoted, other JSON values (numbers, objects, arrays) keep their JSON text,
// which is the same text a multipart client sends for them.
type Params struct {
	Vals  map[string]string
	Files map[string]*Upload
}

func Parse(r *http.Request) (Params, *Error) {
	p := Params{Vals: map[string]string{}, Files: map[string]*Upload{}}
	for k, v := range r.URL.Query() {
		p.Vals[k] = v[0]
	}
	if r.Body == nil || r.Body == http.NoBody {
		return p, nil
	}
	r.Body = http.MaxBytesReader(nil, r.Body, MaxBody)
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch ct {
	case "application/json":
		body, err := io.ReadAll(r.Body)
		if err != nil {
			return p, BadRequest("can't read request body")
		}
		if len(bytes.TrimSpace(body)) == 0 {
			return p, nil
		}
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(body, &obj); err != nil {
			return p, BadRequest("can't parse JSON object")
		}
		for k, raw := range obj {
			if v, ok := JSONText(raw); ok {
				p.Vals[k] = v
			}
		}
	case "application/x-www-form-urlencoded":
		if err := r.ParseForm(); err != nil {
			return p, BadRequest("can't parse request body")
		}
		for k, v := range r.PostForm {
			p.Vals[k] = v[0]
		}
	case "multipart/form-data":
		if err := r.ParseMultipartForm(MaxBody); err != nil {
			return p, BadRequest("can't parse multipart request body")
		}
		defer func() { _ = r.MultipartForm.RemoveAll() }()
		for k, v := range r.MultipartForm.Value {
			p.Vals[k] = v[0]
		}
		for k, fhs := range r.MultipartForm.File {
			f, err := fhs[0].Open()
			if err != nil {
				return p, BadRequest("can't read file part %q", k)
			}
			data, err := io.ReadAll(f)
			_ = f.Close()
			if err != nil {
				return p, BadRequest("can't read file part %q", k)
			}
			p.Files[k] = &Upload{Name: fhs[0].Filename, ContentType: fhs[0].Header.Get("Content-Type"), Data: data}
		}
	}
	return p, nil
}

// JSONText turns a JSON value into parameter text: a string unquoted, anything else as its
// JSON text; null is treated as absent.
func JSONText(raw json.RawMessage) (string, bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", false
	}
	if raw[0] == '"' {
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return s, true
		}
	}
	return string(raw), true
}

func (p Params) Has(k string) bool {
	_, ok := p.Vals[k]
	return ok
}

func (p Params) Str(k string) string { return p.Vals[k] }

// int64 parses an integer parameter; a missing or malformed one is 0.
func (p Params) Int64(k string) int64 {
	n, _ := strconv.ParseInt(strings.TrimSpace(p.Vals[k]), 10, 64)
	return n
}

func (p Params) Int(k string) int { return int(p.Int64(k)) }

func (p Params) Float(k string) float64 {
	f, _ := strconv.ParseFloat(strings.TrimSpace(p.Vals[k]), 64)
	return f
}

func (p Params) Bool(k string) bool {
	b, _ := strconv.ParseBool(strings.TrimSpace(p.Vals[k]))
	return b
}

// decode unmarshals a JSON-valued parameter; false when absent.
func (p Params) Decode(k string, v any) (bool, error) {
	s, ok := p.Vals[k]
	if !ok || s == "" {
		return false, nil
	}
	return true, json.Unmarshal([]byte(s), v)
}

func MimeOf(u *Upload) string {
	if t := mime.TypeByExtension(strings.ToLower(path.Ext(u.Name))); t != "" {
		t, _, _ = strings.Cut(t, ";")
		return t
	}
	if u.ContentType != "" {
		return u.ContentType
	}
	return "application/octet-stream"
}
