package stats

import (
	"bytes"
	"fmt"
	"image/color"
	"math"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// Size of the image: 9 x 10.5 inches at 133 dots an inch, about 1200 x
// 1400 pixels, which Telegram shows without shrinking the labels away.
const (
	Width  = 9 * vg.Inch
	Height = 10.5 * vg.Inch
	DPI    = 133
)

// Series is one named line or group of bars.
type Series struct {
	Code   string // short and Latin: the legend's text
	Values []float64
}

// Data is everything the chart draws.
type Data struct {
	// Days are the first panel's x positions (midnight of each day) and
	// NewByType one series per case type, a count per day.
	Days      []time.Time
	NewByType []Series
	// OpenByPriority is one bar per priority (the series' Values hold
	// one value).
	OpenByPriority []Series
	// Weeks are the Mondays of the third panel; ReplyMinutes the median
	// minutes to the first reply of the cases opened that week (NaN for
	// a week with no reply).
	Weeks        []time.Time
	ReplyMinutes []float64
}

// Render draws the chart as a PNG.
func Render(d Data) ([]byte, error) {
	plots := [][]*plot.Plot{{newCases(d)}, {openCases(d)}, {replies(d)}}
	for _, row := range plots {
		if row[0] == nil {
			return nil, fmt.Errorf("chart: a panel could not be drawn")
		}
	}
	img := vgimg.NewWith(vgimg.UseWH(Width, Height), vgimg.UseDPI(DPI))
	dc := draw.New(img)
	tiles := draw.Tiles{Rows: 3, Cols: 1, PadX: vg.Millimeter * 4, PadY: vg.Millimeter * 6,
		PadTop: vg.Millimeter * 4, PadBottom: vg.Millimeter * 4, PadLeft: vg.Millimeter * 4, PadRight: vg.Millimeter * 4}
	canvases := plot.Align(plots, tiles, dc)
	for i := range plots {
		plots[i][0].Draw(canvases[i][0])
	}
	var b bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: img}).WriteTo(&b); err != nil {
		return nil, fmt.Errorf("chart: %w", err)
	}
	return b.Bytes(), nil
}

var palette = []color.Color{
	color.RGBA{R: 0xd6, G: 0x27, B: 0x28, A: 0xff}, color.RGBA{R: 0x1f, G: 0x77, B: 0xb4, A: 0xff},
	color.RGBA{R: 0xff, G: 0x7f, B: 0x0e, A: 0xff}, color.RGBA{R: 0x2c, G: 0xa0, B: 0x2c, A: 0xff},
}

func newCases(d Data) *plot.Plot {
	p := plot.New()
	p.Title.Text = "New / day (UTC+7)"
	p.Legend.Top, p.Legend.Left = true, true
	p.Y.Min, p.Y.Max = 0, 1 // grown to the data, with room for the legend
	for i, s := range d.NewByType {
		xys := make(plotter.XYs, len(s.Values))
		for j, v := range s.Values {
			xys[j] = plotter.XY{X: float64(j), Y: v}
		}
		l, pts, err := plotter.NewLinePoints(xys)
		if err != nil {
			return nil
		}
		c := palette[i%len(palette)]
		l.Color, pts.Color, pts.Shape = c, c, draw.CircleGlyph{}
		pts.Radius = vg.Points(2)
		p.Add(l, pts)
		p.Legend.Add(s.Code, l, pts)
	}
	p.Y.Max = math.Max(p.Y.Max, 1) * 1.3
	p.X.Tick.Marker = dayTicks(d.Days)
	return p
}

// dayTicks labels every fifth day, and the last, as MM-DD.
func dayTicks(days []time.Time) plot.TickerFunc {
	return func(min, max float64) []plot.Tick {
		var ts []plot.Tick
		for i, day := range days {
			t := plot.Tick{Value: float64(i)}
			if (len(days)-1-i)%5 == 0 {
				t.Label = day.Format("01-02")
			}
			ts = append(ts, t)
		}
		return ts
	}
}

func openCases(d Data) *plot.Plot {
	p := plot.New()
	p.Title.Text = "Open"
	names := make([]string, 0, len(d.OpenByPriority))
	vals := make(plotter.Values, 0, len(d.OpenByPriority))
	for _, s := range d.OpenByPriority {
		names = append(names, s.Code)
		v := 0.0
		if len(s.Values) > 0 {
			v = s.Values[0]
		}
		vals = append(vals, v)
	}
	bars, err := plotter.NewBarChart(vals, vg.Points(40))
	if err != nil {
		return nil
	}
	bars.Color = palette[0]
	p.Add(bars)
	p.NominalX(names...)
	p.Y.Min = 0
	return p
}

func replies(d Data) *plot.Plot {
	p := plot.New()
	p.Title.Text = "1st reply, median min / week"
	vals := make(plotter.Values, len(d.ReplyMinutes))
	names := make([]string, len(d.Weeks))
	for i, m := range d.ReplyMinutes {
		if !math.IsNaN(m) {
			vals[i] = m
		}
	}
	for i, w := range d.Weeks {
		names[i] = w.Format("01-02")
	}
	bars, err := plotter.NewBarChart(vals, vg.Points(30))
	if err != nil {
		return nil
	}
	bars.Color = palette[1]
	p.Add(bars)
	p.NominalX(names...)
	p.Y.Min = 0
	return p
}
