FROM scratch
LABEL description="café ☕ 🐳" 🐳=whale
RUN echo 🐳 && echo é
ENV 名前=値
COPY ["🐳.txt", "/é/"]
WORKDIR /🐳/🐳
