package nas4j.space;

/**
 * The input does not describe a cell at all: matrix not square, an edge on or below the diagonal, an unknown
 * op, a wrong number of ops, fewer than 2 or more than 7 vertices, a character that is not 0/1. The official
 * API raises a plain argument error for these; they are never "out of domain".
 */
public final class MalformedCellException extends CellException {
  public MalformedCellException(String message) {
    super(message);
  }
}
