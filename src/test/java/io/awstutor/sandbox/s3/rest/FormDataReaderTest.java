package io.awstutor.sandbox.s3.rest;

import io.awstutor.sandbox.protocol.AwsException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The form reader finds boundaries however the body arrives, and refuses a body that isn't a form. */
class FormDataReaderTest {
    /** A stream that hands out one byte per read, so every boundary is split across reads. */
    private static InputStream trickle(byte[] bytes) {
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        return new InputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, Math.min(len, 1));
            }
        };
    }

    @Test
    void fieldsThenTheFileWhoseBytesMayLookLikeABoundary() throws IOException {
        byte[] file = new byte[200_000];
        new Random(3).nextBytes(file);
        byte[] tricky = "\r\n--XY not quite the boundary\r\n--".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(tricky, 0, file, 1000, tricky.length);
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--XYZ\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\nuploads/${filename}\r\n"
                + "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ünï.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes("\r\n--XYZ--\r\n".getBytes(StandardCharsets.UTF_8));
        for (InputStream in : new InputStream[] {new ByteArrayInputStream(body.toByteArray()), trickle(body.toByteArray())}) {
            FormDataReader form = new FormDataReader(in, FormDataReader.boundary("multipart/form-data; boundary=XYZ"));
            assertEquals("key", form.next().name());
            assertEquals("uploads/${filename}", form.fieldValue());
            FormDataReader.PartHeaders part = form.next();
            assertEquals("ünï.bin", part.filename());
            assertArrayEquals(file, form.content().readAllBytes());
            assertNull(form.next());
        }
    }

    @Test
    void aBodyThatEndsInsideAPartIsMalformed() throws IOException {
        byte[] body = "--XYZ\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nno end".getBytes(StandardCharsets.UTF_8);
        FormDataReader form = new FormDataReader(new ByteArrayInputStream(body), "XYZ");
        form.next();
        AwsException e = assertThrows(AwsException.class, () -> form.content().readAllBytes());
        assertEquals("MalformedPOSTRequest", e.code());
        assertNull(FormDataReader.boundary("application/x-www-form-urlencoded"));
    }
}
