FROM registry.example.com:5000/team/app:1.2@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef AS build
FROM --platform=$BUILDPLATFORM golang:1.22 AS builder
FROM scratch
from build as Second
FROM localhost/app
FROM ubuntu@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
FROM [::1]:5000/x:tag
FROM a AS
FROM a b c d
FROM Upper/Case:TAG
FROM ${REGISTRY}/img:${TAG}
