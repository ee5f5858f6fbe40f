package bottest

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

// maxBody bounds a request body, like Telegram's 50 MB upload limit.
const maxBody = 50 << 20

// upload is one file part of a multipart request.
type upload struct {
	name        string
	contentType string
	data        []byte
}

// params is a request's parameters normalised from the query string and a
// JSON, urlencoded or multipart body. Every value is text: JSON strings are
// unquoted, other JSON values (numbers, objects, arrays) keep their JSON text,
// which is the same text a multipart client sends for them.
type params struct {
	vals  map[string]string
	files map[string]*upload
}

func parseParams(r *http.Request) (params, *apiError) {
	p := params{vals: map[string]string{}, files: map[string]*upload{}}
	for k, v := range r.URL.Query() {
		p.vals[k] = v[0]
	}
	if r.Body == nil || r.Body == http.NoBody {
		return p, nil
	}
	r.Body = http.MaxBytesReader(nil, r.Body, maxBody)
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch ct {
	case "application/json":
		body, err := io.ReadAll(r.Body)
		if err != nil {
			return p, badRequest("can't read request body")
		}
		if len(bytes.TrimSpace(body)) == 0 {
			return p, nil
		}
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(body, &obj); err != nil {
			return p, badRequest("can't parse JSON object")
		}
		for k, raw := range obj {
			if v, ok := jsonText(raw); ok {
				p.vals[k] = v
			}
		}
	case "application/x-www-form-urlencoded":
		if err := r.ParseForm(); err != nil {
			return p, badRequest("can't parse request body")
		}
		for k, v := range r.PostForm {
			p.vals[k] = v[0]
		}
	case "multipart/form-data":
		if err := r.ParseMultipartForm(maxBody); err != nil {
			return p, badRequest("can't parse multipart request body")
		}
		defer func() { _ = r.MultipartForm.RemoveAll() }()
		for k, v := range r.MultipartForm.Value {
			p.vals[k] = v[0]
		}
		for k, fhs := range r.MultipartForm.File {
			f, err := fhs[0].Open()
			if err != nil {
				return p, badRequest("can't read file part %q", k)
			}
			data, err := io.ReadAll(f)
			_ = f.Close()
			if err != nil {
				return p, badRequest("can't read file part %q", k)
			}
			p.files[k] = &upload{name: fhs[0].Filename, contentType: fhs[0].Header.Get("Content-Type"), data: data}
		}
	}
	return p, nil
}

// jsonText turns a JSON value into parameter text; null is treated as absent.
func jsonText(raw json.RawMessage) (string, bool) {
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

func (p params) has(k string) bool {
	_, ok := p.vals[k]
	return ok
}

func (p params) str(k string) string { return p.vals[k] }

// int64 parses an integer parameter; a missing or malformed one is 0.
func (p params) int64(k string) int64 {
	n, _ := strconv.ParseInt(strings.TrimSpace(p.vals[k]), 10, 64)
	return n
}

func (p params) int(k string) int { return int(p.int64(k)) }

func (p params) float(k string) float64 {
	f, _ := strconv.ParseFloat(strings.TrimSpace(p.vals[k]), 64)
	return f
}

func (p params) bool(k string) bool {
	b, _ := strconv.ParseBool(strings.TrimSpace(p.vals[k]))
	return b
}

// decode unmarshals a JSON-valued parameter; false when absent.
func (p params) decode(k string, v any) (bool, error) {
	s, ok := p.vals[k]
	if !ok || s == "" {
		return false, nil
	}
	return true, json.Unmarshal([]byte(s), v)
}

// fileMap exposes the uploads as Files for the call log (without file ids).
func (p params) fileMap() map[string]*File {
	if len(p.files) == 0 {
		return nil
	}
	m := make(map[string]*File, len(p.files))
	for k, u := range p.files {
		m[k] = &File{Name: u.name, MimeType: mimeOf(u), Size: len(u.data), Content: u.data}
	}
	return m
}

func mimeOf(u *upload) string {
	if t := mime.TypeByExtension(strings.ToLower(path.Ext(u.name))); t != "" {
		t, _, _ = strings.Cut(t, ";")
		return t
	}
	if u.contentType != "" {
		return u.contentType
	}
	return "application/octet-stream"
}
