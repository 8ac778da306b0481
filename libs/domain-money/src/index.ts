export { add, allocate, compare, fen, multiply, subtract, sum, ZERO, type Fen, type Rounding } from './money';
export { formatCny, parseYuan } from './format';
