FROM scratch
RUN ["a", ["b"], null]
CMD ["ok"]
