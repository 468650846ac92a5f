FROM scratch
RUN <<NEVER
RUN <<-END cat
	body
	END
RUN <<EOF
EOF
RUN <<NEVER
RUN echo last
