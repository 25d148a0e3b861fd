package app.newsroom.changes;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.newsroom.common.error.ProblemException;

/**
 * A position in the change log, (txid, seq), and the purge generation it was issued under, as an opaque string for
 * clients. Anything that does not decode to one is a 400.
 */
public record ChangeCursor(String txid, long seq, long generation) {

    static final ChangeCursor START = new ChangeCursor("0", 0, -1);
    private static final Pattern FORMAT = Pattern.compile("c2\\.(\\d{1,20})\\.(\\d{1,19})\\.(\\d{1,19})");

    public ChangeCursor(String txid, long seq) {
        this(txid, seq, -1);
    }

    ChangeCursor at(long purgeGeneration) {
        return new ChangeCursor(txid, seq, purgeGeneration);
    }

    public String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("c2." + txid + "." + seq + "." + generation).getBytes(StandardCharsets.US_ASCII));
    }

    static ChangeCursor decode(String raw) {
        if (raw == null || raw.isBlank()) {
            return START;
        }
        try {
            if (raw.length() > 100) {
                throw new IllegalArgumentException();
            }
            String text = new String(Base64.getUrlDecoder().decode(raw.trim()), StandardCharsets.US_ASCII);
            Matcher m = FORMAT.matcher(text);
            if (!m.matches()) {
                throw new IllegalArgumentException();
            }
            return new ChangeCursor(
                    new BigInteger(m.group(1)).toString(), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(
                    "since",
                    "is not a cursor from this service; use the 'next' value of a previous answer, or leave it out");
        }
    }

    boolean isBefore(String otherTxid, long otherSeq) {
        int byTx = new BigInteger(txid).compareTo(new BigInteger(otherTxid));
        return byTx < 0 || byTx == 0 && seq < otherSeq;
    }
}
