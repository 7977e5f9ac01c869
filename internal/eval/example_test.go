package eval_test

import (
	"fmt"

	"github.com/unspin/unspin/internal/eval"
)

func ExampleScore() {
	spun := []byte("a infantry bottom during “assistance,")
	gold := []byte("{a|the} military base at “{help|aid},")
	repaired := []byte("the military bottom in “help,")
	r, err := eval.Score(spun, repaired, gold, eval.Options{})
	if err != nil {
		panic(err)
	}
	fmt.Printf("need repair %d, restored %d, wrong %d\n", r.NeedRepair, r.Restored, r.Wrong)
	fmt.Printf("precision %.2f, recall %.2f, F0.5 %.2f\n", r.Precision, r.Recall, r.F05)
	// Output:
	// need repair 4, restored 2, wrong 1
	// precision 0.75, recall 0.50, F0.5 0.68
}
