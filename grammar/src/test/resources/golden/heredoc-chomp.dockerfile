FROM scratch
RUN <<-EOF
	echo tab
		echo two tabs
    echo spaces
	echo lone	CR
	echo  	LS
	EOF
RUN <<EOF
	EOF
EOF
