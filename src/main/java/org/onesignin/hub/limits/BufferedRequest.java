package org.onesignin.hub.limits;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/** A request whose body was already read (and bounded), served from memory. */
final class BufferedRequest extends HttpServletRequestWrapper {

	private final byte[] body;

	BufferedRequest(HttpServletRequest request, byte[] body) {
		super(request);
		this.body = body;
	}

	@Override
	public ServletInputStream getInputStream() {
		ByteArrayInputStream in = new ByteArrayInputStream(this.body);
		return new ServletInputStream() {

			@Override
			public int read() throws IOException {
				return in.read();
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				return in.read(buffer, offset, length);
			}

			@Override
			public boolean isFinished() {
				return in.available() == 0;
			}

			@Override
			public boolean isReady() {
				return true;
			}

			@Override
			public void setReadListener(ReadListener listener) {
				throw new UnsupportedOperationException();
			}

		};
	}

	@Override
	public java.io.BufferedReader getReader() {
		java.nio.charset.Charset charset = java.nio.charset.StandardCharsets.UTF_8;
		try {
			if (getCharacterEncoding() != null) {
				charset = java.nio.charset.Charset.forName(getCharacterEncoding());
			}
		}
		catch (IllegalArgumentException ex) {
			// an unknown charset named by the caller: read the body as UTF-8
		}
		return new java.io.BufferedReader(new java.io.InputStreamReader(new ByteArrayInputStream(this.body), charset));
	}

	@Override
	public int getContentLength() {
		return this.body.length;
	}

	@Override
	public long getContentLengthLong() {
		return this.body.length;
	}

}
