package tgapi

// InputMedia is one item of sendMediaGroup's media parameter.
type InputMedia struct {
	Type    string `json:"type"`
	Media   string `json:"media"`
	Caption string `json:"caption"`
}

// ParseAlbum reads sendMediaGroup's media as Telegram checks it: 2 to 10
// items, photos and videos together, or documents only, or audio only.
func ParseAlbum(p Params) ([]InputMedia, *Error) {
	var items []InputMedia
	if ok, err := p.Decode("media", &items); !ok || err != nil {
		return nil, BadRequest("can't parse media JSON object")
	}
	if len(items) < 2 || len(items) > 10 {
		return nil, BadRequest("wrong number of media specified")
	}
	only := func(t string) bool { return t == "document" || t == "audio" }
	for _, it := range items {
		switch {
		case it.Type != "photo" && it.Type != "video" && !only(it.Type):
			return nil, BadRequest("unsupported media type %q", it.Type)
		case (only(items[0].Type) || only(it.Type)) && it.Type != items[0].Type:
			return nil, BadRequest("%s can't be mixed with other media types", it.Type)
		}
	}
	return items, nil
}
