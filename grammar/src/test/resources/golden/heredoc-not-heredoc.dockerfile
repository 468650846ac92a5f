FROM scratch
RUN ["cat", "<<EOF"]
EOF
CMD cat <<EOF
EOF
RUN echo "<<EOF"
RUN echo <<
RUN echo 'unterminated <<EOF
RUN <<- EOF
EOF
