package io.awstutor.shell;

import io.awstutor.target.Secrets;
import org.jline.reader.impl.history.DefaultHistory;

import java.time.Instant;

/**
 * JLine's history with secrets masked before a line is kept (and so before it reaches the
 * history file): a pasted secret access key or a database password never lands on disk.
 * The line that runs is the one typed; only its remembered copy is masked.
 */
final class MaskingHistory extends DefaultHistory {
    @Override
    public void add(Instant time, String line) {
        super.add(time, Secrets.maskInText(line));
    }
}
