interface E<T> { t: T } export interface X { a: E<{ x: 1 }> ; b: E<{ x: 2 }> }
