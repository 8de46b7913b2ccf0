package io.awstutor.lesson;

/** A lesson file that cannot be read: names the file and the line, so an author can fix it. */
public class LessonFormatException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final int line;

    public LessonFormatException(String file, int line, String message) {
        super(file + ":" + line + ": " + message);
        this.file = file;
        this.line = line;
    }

    public String file() { return file; }
    public int line() { return line; }
}
