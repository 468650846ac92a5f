FROM scratch
CMD ["a", 1]
