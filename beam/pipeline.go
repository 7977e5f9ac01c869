// Package unspinbeam is an Apache Beam pipeline that repairs a corpus of
// spun documents with the unspin package: JSON Lines records (one document
// a line, its text in a field) or plain text files (one document each), to
// sharded JSON Lines holding the same records that `unspin fix
// --input-format jsonl` writes.
//
// The model is loaded once per worker process, in the DoFn's Setup, and
// shared by every bundle the worker runs. The counters documents, words,
// fixes, suggestions and bad_records (namespace "unspin") report the work
// done; a bad record is counted and dropped.
package unspinbeam

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local" // local paths in globs and prefixes
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/unspin/unspin"
)

func init() {
	register.DoFn3x1[context.Context, string, func(string), error](&recordFn{})
	register.DoFn3x1[context.Context, fileio.ReadableFile, func(string), error](&fileFn{})
	register.Emitter1[string]()
}

// Config is what the pipeline reads, how it repairs, and where it writes.
type Config struct {
	Input  string // glob of the input files
	Format string // "jsonl", "text", or "" to tell by the glob's extension
	Output string // prefix of the output shards
	Shards int    // output files; < 1 means 1
	// Parallel is how many documents a bundle repairs at once; < 1 means 1.
	Parallel int
	Repair   Repair
}

// Repair are the settings of the repairer and of the records, as the
// unspin command's flags name them.
type Repair struct {
	Field         string   // member holding the text; "" means "text"
	CountsField   string   // member set to the counts; "" for none
	Model         string   // binary model file; "" for the built-in one
	Tables        []string // learned tables
	MinConfidence float64
	Candidates    int
	Allow, Deny   string   // policy lists
	Dictionaries  []string // extra dictionaries
}

// DefaultRepair are the unspin command's defaults.
func DefaultRepair() Repair { return Repair{Field: "text", MinConfidence: 0.5, Candidates: 20} }

func (r Repair) options() []unspin.Option {
	return []unspin.Option{
		unspin.WithModel(r.Model), unspin.WithTables(r.Tables...),
		unspin.WithMinConfidence(r.MinConfidence), unspin.WithCandidates(r.Candidates),
		unspin.WithPolicyFiles(r.Allow, r.Deny, r.Dictionaries...),
	}
}

// Build adds the pipeline to s.
func Build(s beam.Scope, c Config) error {
	if c.Input == "" || c.Output == "" {
		return errors.New("an input glob and an output prefix are needed")
	}
	var records beam.PCollection
	switch format(c) {
	case "jsonl":
		records = beam.ParDo(s.Scope("repair records"), &recordFn{Repair: c.Repair, Parallel: c.Parallel}, textio.Read(s, c.Input))
	case "text":
		files := fileio.ReadMatches(s, fileio.MatchFiles(s, c.Input))
		records = beam.ParDo(s.Scope("repair files"), &fileFn{recordFn{Repair: c.Repair, Parallel: c.Parallel}}, files)
	default:
		return fmt.Errorf("input format %q: want jsonl or text", c.Format)
	}
	WriteSharded(s, c.Output, c.Shards, records)
	return nil
}

// format is the configured input format, or the glob's by its extension.
func format(c Config) string {
	if c.Format != "" {
		return c.Format
	}
	switch filepath.Ext(strings.TrimSuffix(c.Input, ".gz")) {
	case ".jsonl", ".ndjson", ".json":
		return "jsonl"
	}
	return "text"
}

var (
	documents   = beam.NewCounter("unspin", "documents")
	words       = beam.NewCounter("unspin", "words")
	fixes       = beam.NewCounter("unspin", "fixes")
	suggestions = beam.NewCounter("unspin", "suggestions")
	badRecords  = beam.NewCounter("unspin", "bad_records")
)

// recordFn repairs JSON Lines records, up to Parallel at once in a bundle
// (see flush).
type recordFn struct {
	Repair   Repair
	Parallel int

	r     *unspin.Repairer
	queue []chan repaired // records under way, in the order they came
}

// repaired is one record's outcome.
type repaired struct {
	rec, out []byte
	res      unspin.Result
	err      error
}

func (f *recordFn) Setup() error {
	var err error
	f.r, err = repairer(f.Repair)
	f.Parallel = max(f.Parallel, 1)
	return err
}

// StartBundle forgets what a failed bundle left under way.
func (f *recordFn) StartBundle(context.Context, func(string)) { f.queue = nil }

func (f *recordFn) ProcessElement(ctx context.Context, line string, emit func(string)) error {
	if strings.TrimSpace(line) == "" {
		return nil // not a record, as for the command
	}
	f.start([]byte(line))
	return f.flush(ctx, emit, false)
}

func (f *recordFn) FinishBundle(ctx context.Context, emit func(string)) error {
	return f.flush(ctx, emit, true)
}

// start repairs a record on a goroutine of its own.
func (f *recordFn) start(rec []byte) {
	slot := make(chan repaired, 1)
	f.queue = append(f.queue, slot)
	go func() {
		out, res, err := f.r.RepairRecord(rec, unspin.RecordOptions{Field: f.Repair.Field, CountsField: f.Repair.CountsField})
		slot <- repaired{rec, out, res, err}
	}()
}

// flush emits the records repaired so far, in the order they came, waiting
// while more than Parallel are under way, or with all for every one. A
// runner that hands a stage its whole input as one bundle, as Prism does,
// would otherwise repair it on one core.
func (f *recordFn) flush(ctx context.Context, emit func(string), all bool) error {
	for len(f.queue) > 0 {
		var r repaired
		if all || len(f.queue) > f.Parallel {
			r = <-f.queue[0]
		} else {
			select {
			case r = <-f.queue[0]:
			default:
				return nil
			}
		}
		f.queue = f.queue[1:]
		if err := f.emit(ctx, r, emit); err != nil {
			return err
		}
	}
	return nil
}

// emit counts a repaired record and emits it; a bad record is counted and
// dropped.
func (f *recordFn) emit(ctx context.Context, r repaired, emit func(string)) error {
	if errors.Is(r.err, unspin.ErrBadRecord) {
		badRecords.Inc(ctx, 1)
		log.Warnf(ctx, "skipping %v: %.80q", r.err, r.rec)
		return nil
	}
	if r.err != nil {
		return r.err
	}
	documents.Inc(ctx, 1)
	words.Inc(ctx, int64(r.res.Words))
	fixes.Inc(ctx, int64(r.res.Applied()))
	suggestions.Inc(ctx, int64(r.res.Suggested()))
	emit(string(r.out))
	return nil
}

// fileFn repairs plain text files, a document each, into records whose
// id is the file's path.
type fileFn struct{ recordFn }

func (f *fileFn) ProcessElement(ctx context.Context, file fileio.ReadableFile, emit func(string)) error {
	data, err := file.Read(ctx)
	if err != nil {
		return err
	}
	field := f.Repair.Field
	if field == "" {
		field = "text"
	}
	rec, err := json.Marshal(map[string]string{"id": file.Metadata.Path, field: string(data)})
	if err != nil {
		return err
	}
	f.start(rec)
	return f.flush(ctx, emit, false)
}

// repairers are the repairers built in this process, one for each
// configuration, so that every DoFn instance of a worker shares one model.
var repairers = struct {
	sync.Mutex
	m map[string]*unspin.Repairer
}{m: map[string]*unspin.Repairer{}}

func repairer(c Repair) (*unspin.Repairer, error) {
	key, err := json.Marshal(c)
	if err != nil {
		return nil, err
	}
	repairers.Lock()
	defer repairers.Unlock()
	if r, ok := repairers.m[string(key)]; ok {
		return r, nil
	}
	r, err := unspin.New(c.options()...)
	if err != nil {
		return nil, err
	}
	repairers.m[string(key)] = r
	return r, nil
}
