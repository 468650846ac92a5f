FROM scratch
RUN ["a", ["b"], null]
CMD ["ok"]
CMD [{"k": [1, {"x": null}]}, "a"]
CMD [{}, []]
CMD [{"a" 1}]
CMD [{"a": 1,}]
CMD ["a",]
CMD [[]
