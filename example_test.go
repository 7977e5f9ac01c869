package unspin_test

import (
	"fmt"
	"log"

	"github.com/unspin/unspin"
)

func Example() {
	r, err := unspin.New()
	if err != nil {
		log.Fatal(err)
	}
	res, err := r.Repair("Colossal information is changing the world.")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res.Text)
	// Output: Big data is changing the world.
}

func ExampleRepairer_Repair() {
	r, err := unspin.New()
	if err != nil {
		log.Fatal(err)
	}
	text := "We utilized profound learning on a huge dataset."
	res, err := r.Repair(text)
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range res.Fixes {
		fmt.Printf("%d-%d %q -> %q applied=%v\n", f.Start, f.End, text[f.Start:f.End], f.Replacement, f.Applied)
	}
	fmt.Println(res.Words, "words,", res.Applied(), "fixed")
	// Output:
	// 12-20 "profound" -> "deep" applied=true
	// 8 words, 1 fixed
}

func ExampleWithPolicy() {
	r, err := unspin.New(unspin.WithPolicy(unspin.Policy{Allow: []string{"profound -> deep"}}))
	if err != nil {
		log.Fatal(err)
	}
	res, err := r.Repair("We utilized profound learning on a huge dataset.")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res.Text)
	// Output: We utilized profound learning on a huge dataset.
}

func ExampleWithMinConfidence() {
	r, err := unspin.New(unspin.WithMinConfidence(0.999))
	if err != nil {
		log.Fatal(err)
	}
	res, err := r.Repair("We utilized profound learning on a huge dataset.")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res.Text)
	fmt.Println(res.Suggested(), "suggested:", res.Fixes[0].Replacement)
	// Output:
	// We utilized profound learning on a huge dataset.
	// 1 suggested: deep
}

func ExampleRepairer_RepairRecord() {
	r, err := unspin.New()
	if err != nil {
		log.Fatal(err)
	}
	line := []byte(`{"id": "doc-1", "text": "Colossal information is here.", "metadata": {"year": 2024}}`)
	out, _, err := r.RepairRecord(line, unspin.RecordOptions{CountsField: "unspin"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(out))
	// Output: {"id": "doc-1", "text": "Big data is here.", "metadata": {"year": 2024},"unspin":{"words":4,"fixes":2,"suggestions":0}}
}
