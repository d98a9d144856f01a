/**
 * The k-th largest of values[0, n), 1 ≤ k ≤ n (quickselect; the values are reordered): a cut-off found in about 2n
 * comparisons.
 */
export function kthLargest(values: Float64Array, n: number, k: number): number {
  const target = k - 1;
  let low = 0;
  let high = n - 1;
  while (low < high) {
    const pivot = values[(low + high) >> 1] as number;
    let i = low;
    let j = high;
    // Larger values to the left, smaller to the right; what lies strictly between j and i equals the pivot.
    while (i <= j) {
      while ((values[i] as number) > pivot) i++;
      while ((values[j] as number) < pivot) j--;
      if (i <= j) {
        const swap = values[i] as number;
        values[i] = values[j] as number;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (target <= j) high = j;
    else if (target >= i) low = i;
    else return pivot;
  }
  return values[target] as number;
}
