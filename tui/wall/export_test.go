package wall

// What the wall's tests outside the package need of its insides.

// HighlightFor is how long something new stands out.
const HighlightFor = highlightFor

// ForgetDrawn empties the walls' shared drawings, for benchmarks of the
// first wall to draw.
func ForgetDrawn() { drawnWalls.Forget() }
