FROM scratch
RUN <<-EOF
	echo tab
		echo two tabs
    echo spaces
	EOF
RUN <<EOF
	EOF
EOF
