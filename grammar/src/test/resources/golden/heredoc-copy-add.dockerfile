FROM scratch
COPY <<EOF /etc/config
key=value
EOF
ADD <<EOF /etc/other
other
EOF
COPY --chmod=755 <<-"EOT" /usr/local/bin/run
	#!/bin/sh
	echo run
	EOT
