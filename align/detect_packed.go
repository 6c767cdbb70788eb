package align

import (
	"fmt"
	"maps"
	"math"
	"slices"
)

// packedVecs holds evidence vectors over the candidates in little memory.
// Such a vector has few distinct values: a cue word weighs the same for
// every variety that takes the same proxies of its source (es-UY and
// es-PY take es-AR's weight, every other American variety the mean of the
// source's American ones), so 22 candidates share three or four values.
// A vector is kept as its distinct values and its shape, the index of each
// candidate's value, which vectors of the same kind share. Read from a
// detector's table of thousands of words, a vector costs its few values
// (one cache line) instead of the eight bytes of every candidate (three):
// detection's reads of cue vectors were cache misses, a tenth of align's
// time on the 200,000-record benchmark. The values are the vector's own,
// bit for bit, so the sums are the same as over the full vector.
type packedVecs struct {
	n      int       // candidates
	shapes []uint8   // n indices per shape
	vals   []float64 // each vector's distinct values, in the order first met
	vecs   []packedRef
	// Building only: shapes already stored, by their bytes.
	shapeAt map[string]uint32
}

type packedRef struct {
	shape uint32 // offset of the vector's shape in shapes
	val   uint32 // offset of its values in vals
}

// maxPackedCands bounds the candidates of a packed vector: a shape's
// indices are bytes.
const maxPackedCands = 256

func newPackedVecs(n int) (packedVecs, error) {
	if n > maxPackedCands {
		return packedVecs{}, fmt.Errorf("align: detection takes at most %d candidate varieties, not %d", maxPackedCands, n)
	}
	return packedVecs{n: n, shapeAt: map[string]uint32{}}, nil
}

// add stores v (of n values) and returns its index.
func (p *packedVecs) add(v []float64) int {
	shape := make([]byte, len(v))
	start := len(p.vals)
	for i, x := range v {
		k := -1
		for j, y := range p.vals[start:] {
			// Compared by their bits, so that 0 and -0 stay apart.
			if math.Float64bits(x) == math.Float64bits(y) {
				k = j
				break
			}
		}
		if k < 0 {
			k = len(p.vals) - start
			p.vals = append(p.vals, x)
		}
		shape[i] = byte(k)
	}
	at, ok := p.shapeAt[string(shape)]
	if !ok {
		at = uint32(len(p.shapes))
		p.shapes = append(p.shapes, shape...)
		p.shapeAt[string(shape)] = at
	}
	p.vecs = append(p.vecs, packedRef{shape: at, val: uint32(start)})
	return len(p.vecs) - 1
}

// pad ends the building: the values get maxPackedCands zeros after
// them, so that addTo reads any vector's as an array.
func (p *packedVecs) pad() {
	p.vals = append(p.vals, make([]float64, maxPackedCands)...)
	p.shapeAt = nil
}

// addTo adds weight times vector id to score, candidate by candidate as
// over the full vector.
func (p *packedVecs) addTo(score []float64, id int, weight float64) {
	r := p.vecs[id]
	shape := p.shapes[r.shape : int(r.shape)+p.n]
	// As an array of 256 (vals is padded), a byte indexes it without a
	// bounds check.
	vals := (*[maxPackedCands]float64)(p.vals[r.val : int(r.val)+maxPackedCands])
	score = score[:len(shape)] // one bounds check, not one per candidate
	for i, k := range shape {
		score[i] += weight * vals[k]
	}
}

// expand writes vector id in full into dst (of n values) and returns it.
func (p *packedVecs) expand(dst []float64, id int) []float64 {
	r := p.vecs[id]
	vals := p.vals[r.val:]
	for i, k := range p.shapes[r.shape : int(r.shape)+p.n] {
		dst[i] = vals[k]
	}
	return dst[:p.n]
}

// addCue adds cue word id (its index in d.cueVecs), written as text, once
// per text as written, as add does for other evidence.
func (d *Detector) addCue(sc *scratch, text string, id int) {
	if !sc.onceCue(id, text) {
		return
	}
	d.cueVecs.addTo(sc.score, id, 1)
	if sc.ev != nil {
		sc.ev.add("cue", text, d.cueVecs.expand(sc.item, id), 1)
	}
}

// onceCue is once("cue", text) for cue word id, by the word's index:
// the first form met of each cue word is kept by index, and only another
// form of the same word (Che after che) is looked for among the text's
// other evidence. once's scan of every piece of evidence met in the text
// was 1.5% of align's time on the 200,000-record benchmark.
func (sc *scratch) onceCue(id int, text string) bool {
	if id >= len(sc.cueAt) {
		return sc.once("cue", text)
	}
	if sc.cueAt[id] != sc.epoch {
		sc.cueAt[id], sc.cueText[id] = sc.epoch, text
		return true
	}
	if sc.cueText[id] == text {
		return false
	}
	return sc.once("cue", text)
}

// packCues stores the cue words' vectors in d.cueVecs, in the order of
// the words, and returns each word's index there.
func (d *Detector) packCues() (map[string]int32, error) {
	vs, err := newPackedVecs(len(d.cands))
	if err != nil {
		return nil, err
	}
	words := slices.Sorted(maps.Keys(d.cues))
	ids := make(map[string]int32, len(words))
	v := make([]float64, len(d.cands))
	for _, w := range words {
		ids[w] = int32(vs.add(cueVector(v, d.cues[w])))
	}
	vs.pad()
	d.cueVecs = vs
	return ids, nil
}
