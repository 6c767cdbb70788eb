package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2"

	"github.com/habla-es/habla/token"
)

// Doc is one text of a corpus with its labels.
type Doc struct {
	// ID is the hash of the text (DocID); Add fills it in.
	ID string
	// Text is the document, NFC.
	Text string
	// Variety is the BCP 47 tag of the variety the text is in (es-AR).
	Variety string
	// Source names the corpus it came from (activ-es); free text.
	Source string
	// Origin says where the text was read: file, or file:line.
	Origin string
}

// DocID is the identity of a text: a hash of its NFC form with outer
// space trimmed, so the same text is one document whatever file brought it.
func DocID(text string) string {
	sum := sha256.Sum256([]byte(strings.TrimSpace(token.NFC(text))))
	return hex.EncodeToString(sum[:10])
}

// AddOptions configure an Adder.
type AddOptions struct {
	// ShardSize is the number of documents per shard; 0 means
	// DefaultShardSize.
	ShardSize int
	// BatchSize is the number of documents committed at once; 0 means
	// 500. A batch is committed whole or not at all, so an interrupted
	// ingest loses at most the batch in flight.
	BatchSize int
}

// AddStats count what an Adder did.
type AddStats struct {
	// Read counts the documents offered; Added, those stored; Duplicates,
	// those already in the corpus (or earlier in this run); Empty, those
	// with no text.
	Read, Added, Duplicates, Empty int
	// Bytes is the size of the texts added.
	Bytes int64
}

// Adder adds documents to a writable corpus in batches. It is not safe
// for concurrent use. Flush commits the last batch.
type Adder struct {
	c         *Corpus
	opts      AddOptions
	shard     bleve.Index
	shardDocs int
	batch     *bleve.Batch
	pending   map[string]bool
	stats     AddStats
}

// NewAdder returns an Adder into c, which must be open writable.
func (c *Corpus) NewAdder(opts AddOptions) (*Adder, error) {
	if !c.writable {
		return nil, errors.New("corpus: opened read-only")
	}
	if opts.ShardSize <= 0 {
		opts.ShardSize = DefaultShardSize
	}
	if opts.BatchSize <= 0 {
		opts.BatchSize = 500
	}
	a := &Adder{c: c, opts: opts, pending: map[string]bool{}}
	if len(c.shards) == 0 {
		if _, err := c.newShard(); err != nil {
			return nil, err
		}
	}
	a.shard = c.shards[len(c.shards)-1]
	n, err := a.shard.DocCount()
	if err != nil {
		return nil, err
	}
	a.shardDocs = int(n)
	a.batch = a.shard.NewBatch()
	return a, nil
}

// Stats returns the counts so far.
func (a *Adder) Stats() AddStats { return a.stats }

// Add queues d, unless its text is empty or already in the corpus, and
// commits the batch when it is full.
func (a *Adder) Add(d Doc) error {
	a.stats.Read++
	d.Text = token.NFC(strings.TrimSpace(d.Text))
	if d.Text == "" {
		a.stats.Empty++
		return nil
	}
	d.ID = DocID(d.Text)
	if a.pending[d.ID] {
		a.stats.Duplicates++
		return nil
	}
	dup, err := a.c.has(d.ID)
	if err != nil {
		return fmt.Errorf("corpus %s: %w", a.c.dir, err)
	}
	if dup {
		a.stats.Duplicates++
		return nil
	}
	if a.shardDocs+len(a.pending) >= a.opts.ShardSize {
		if err := a.nextShard(); err != nil {
			return err
		}
	}
	if err := a.batch.Index(d.ID, fields(d)); err != nil {
		return fmt.Errorf("corpus: %s: %w", d.Origin, err)
	}
	a.pending[d.ID] = true
	a.stats.Bytes += int64(len(d.Text))
	if len(a.pending) >= a.opts.BatchSize {
		return a.Flush()
	}
	return nil
}

func fields(d Doc) map[string]any {
	return map[string]any{
		fieldText:    d.Text,
		fieldVariety: d.Variety,
		fieldSource:  d.Source,
		fieldID:      d.ID,
		fieldOrigin:  d.Origin,
	}
}

// Flush commits the queued documents.
func (a *Adder) Flush() error {
	if len(a.pending) == 0 {
		return nil
	}
	if err := a.shard.Batch(a.batch); err != nil {
		return fmt.Errorf("corpus %s: commit: %w", a.c.dir, err)
	}
	a.stats.Added += len(a.pending)
	a.shardDocs += len(a.pending)
	a.batch = a.shard.NewBatch()
	clear(a.pending)
	return nil
}

// nextShard commits the batch and starts a new shard.
func (a *Adder) nextShard() error {
	if err := a.Flush(); err != nil {
		return err
	}
	s, err := a.c.newShard()
	if err != nil {
		return err
	}
	a.shard, a.shardDocs, a.batch = s, 0, s.NewBatch()
	return nil
}
