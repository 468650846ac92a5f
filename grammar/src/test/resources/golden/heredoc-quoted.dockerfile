FROM scratch
RUN <<'EOF'
echo $HOME
EOF
RUN <<"EOF"
echo $HOME
EOF
RUN <<EO"F"
echo $HOME
EOF
RUN <<-'EOT' bash
	echo $HOME
	EOT
