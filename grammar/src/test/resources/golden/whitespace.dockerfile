   FROM scratch   
	RUN	echo	tabs
RUN   echo   spaced   
  
CMDvertical-tab
USER   nbsp
