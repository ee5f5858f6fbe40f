package simulator

import (
	"errors"
	"math"
	"sync"
	"time"
)

// Place is a named location a person can share without GPS: the towns
// where most scam compounds are.
type Place struct {
	Name string  `json:"name"`
	Lat  float64 `json:"lat"`
	Lon  float64 `json:"lon"`
}

// Places are offered by the page's location picker.
var Places = []Place{
	{"Sihanoukville", 10.6273, 103.5225},
	{"Bavet", 11.0633, 106.1300},
	{"Poipet", 13.6590, 102.5640},
	{"Phnom Penh", 11.5564, 104.9282},
	{"Kampot", 10.6104, 104.1815},
}

// livePeriod is how long a live location shared from the page lasts, in
// seconds: Telegram's shortest choice, 15 minutes.
const livePeriod = 15 * 60

// liveLocation is a person's live location being moved.
type liveLocation struct {
	MessageID int
	Lat, Lon  float64
	quit      chan struct{}
	once      sync.Once
}

func (l *liveLocation) stop() { l.once.Do(func() { close(l.quit) }) }

var errBadLocation = errors.New("latitude must be within ±90 and longitude within ±180")

// ShareLocation sends a location from a person's private chat, as the
// location button or the attachment menu does, and returns its message
// id. A live location then moves a few metres every LiveEvery, each move
// an edited_message update, until StopLive or the end of its period.
func (s *Simulator) ShareLocation(id int64, lat, lon float64, live bool) (int, error) {
	if math.IsNaN(lat) || math.IsNaN(lon) || math.Abs(lat) > 90 || math.Abs(lon) > 180 {
		return 0, errBadLocation
	}
	p, err := s.person(id)
	if err != nil {
		return 0, err
	}
	s.StopLive(id)
	period := 0
	if live {
		period = livePeriod
	}
	_, msgID := s.api.SendLocation(p.user(), lat, lon, period)
	if !live {
		return msgID, nil
	}
	l := &liveLocation{MessageID: msgID, Lat: lat, Lon: lon, quit: make(chan struct{})}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return msgID, nil
	}
	s.live[id] = l
	s.notify()
	s.wg.Go(func() { s.move(id, l) })
	return msgID, nil
}

// StopLive stops moving a person's live location.
func (s *Simulator) StopLive(id int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if l := s.live[id]; l != nil {
		l.stop()
		delete(s.live, id)
		s.notify()
	}
}

// move walks a live location round a small circle until it is stopped.
func (s *Simulator) move(id int64, l *liveLocation) {
	t := time.NewTicker(s.opts.LiveEvery)
	defer t.Stop()
	end := time.After(livePeriod * time.Second)
	for step := 1; ; step++ {
		select {
		case <-l.quit:
			return
		case <-end:
			s.StopLive(id)
			return
		case <-t.C:
		}
		p, err := s.person(id)
		if err != nil {
			s.StopLive(id)
			return
		}
		s.mu.Lock()
		angle := float64(step) * 0.6
		l.Lat += 0.0003 * math.Cos(angle)
		l.Lon += 0.0003 * math.Sin(angle)
		lat, lon := l.Lat, l.Lon
		s.notify()
		s.mu.Unlock()
		s.api.EditLocation(p.user(), l.MessageID, lat, lon)
	}
}
