package lm

// Discounts of modified Kneser-Ney, estimated per order from the
// count-of-counts n1..n4 of that order's adjusted counts (Chen and Goodman
// 1998, equation 26):
//
//	Y = n1 / (n1 + 2·n2),  D1 = 1 - 2Y·n2/n1,  D2 = 2 - 3Y·n3/n2,  D3+ = 3 - 4Y·n4/n3

// knFallbackDiscounts are used for an order whose count-of-counts cannot give
// valid discounts (a corpus of a few sentences has no n-gram seen 4 times).
// They are round values near what the estimate gives on the Brown corpus
// (about 0.6-0.8, 1.0-1.3, 1.3-1.6 across orders 1 to 3).
var knFallbackDiscounts = [3]float64{0.5, 1.0, 1.5}

// KNDiscounts estimates D1, D2, D3+ from the number of n-grams seen exactly
// once, twice, three and four times. ok is false, and the discounts are the
// fallback values, when a count-of-counts is zero or a discount falls outside
// (0, i) for D_i: a discount must leave every seen n-gram some probability
// and take some from every context.
func KNDiscounts(n1, n2, n3, n4 uint64) (d [3]float64, ok bool) {
	if n1 == 0 || n2 == 0 || n3 == 0 || n4 == 0 {
		return knFallbackDiscounts, false
	}
	f1, f2, f3, f4 := float64(n1), float64(n2), float64(n3), float64(n4)
	y := f1 / (f1 + 2*f2)
	d = [3]float64{1 - 2*y*f2/f1, 2 - 3*y*f3/f2, 3 - 4*y*f4/f3}
	for i, v := range d {
		if !(v > 0 && v < float64(i+1)) {
			return knFallbackDiscounts, false
		}
	}
	return d, true
}

// knCountOfCounts returns n1..n4 of counts, ignoring zeros.
func knCountOfCounts(counts []uint32) (n [5]uint64) {
	for _, c := range counts {
		if c >= 1 && c <= 4 {
			n[c]++
		}
	}
	return n
}
