FROM scratch
RUN --mount=type=cache,target=/root/.cache --network=none pip install -r requirements.txt
RUN --mount=type=secret,id=token,required cat /run/secrets/token
RUN --mount="type=bind,source=a b,target=/src" --security=insecure ls /src
RUN --mount=type=bind,from=build,source=/out,target=/in \
    --mount=type=tmpfs,target=/tmp \
    ls /in
