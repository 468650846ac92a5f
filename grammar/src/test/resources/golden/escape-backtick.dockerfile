# escape=`
FROM mcr.microsoft.com/windows/servercore
RUN dir `
    c:\
ENV A=C:\path B=x` y
COPY c:\src\ c:\dst\
WORKDIR c:\app\ `
  sub
COPY --chown=a`b --chmod=a\b src dst
