@echo off
rem fitlab launcher for Windows, the twin of ./fitlab: builds target\fitlab.jar when it is missing or older than
rem the sources (needs Maven and a JDK 17), then runs it with the same JVM flags; FITLAB_JAVA_OPTS adds flags.
rem Teachers without Maven or Java use the app image instead (README: Quick start without Maven).
setlocal EnableExtensions
set "FITLAB_HOME=%~dp0"
if "%FITLAB_HOME:~-1%"=="\" set "FITLAB_HOME=%FITLAB_HOME:~0,-1%"
set "FITLAB_JAR=%FITLAB_HOME%\target\fitlab.jar"

set "FITLAB_JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "FITLAB_JAVA=%JAVA_HOME%\bin\java.exe"

if not exist "%FITLAB_JAR%" goto build
rem Rebuild when pom.xml or anything under src\main is newer than the jar (PowerShell ships with every Windows).
powershell -NoProfile -NonInteractive -Command "$jar = (Get-Item -LiteralPath $env:FITLAB_JAR).LastWriteTimeUtc; $newer = @(Get-Item -LiteralPath (Join-Path $env:FITLAB_HOME 'pom.xml')) + @(Get-ChildItem -LiteralPath (Join-Path $env:FITLAB_HOME 'src\main') -Recurse -File) | Where-Object { $_.LastWriteTimeUtc -gt $jar } | Select-Object -First 1; if ($newer) { exit 1 } else { exit 0 }"
if errorlevel 1 goto build
goto run

:build
where mvn >nul 2>nul
if errorlevel 1 (
  echo fitlab: Maven ^(mvn^) is needed to build fitlab: install it from https://maven.apache.org, or use the app image 1>&2
  exit /b 2
)
echo fitlab: building target\fitlab.jar (first run or sources changed) ... 1>&2
set "FITLAB_LOG=%TEMP%\fitlab-build-%RANDOM%%RANDOM%.log"
pushd "%FITLAB_HOME%"
call mvn -B -q -DskipTests -Dfitlab.skipAppImage=true package > "%FITLAB_LOG%" 2>&1
set "FITLAB_BUILD=%ERRORLEVEL%"
popd
if not "%FITLAB_BUILD%"=="0" (
  type "%FITLAB_LOG%" 1>&2
  del "%FITLAB_LOG%" >nul 2>nul
  echo fitlab: build failed 1>&2
  exit /b 2
)
del "%FITLAB_LOG%" >nul 2>nul

:run
rem ParallelGC as in ./fitlab (a batch job on a laptop's few cores); a collector chosen in FITLAB_JAVA_OPTS replaces
rem it, since the JVM refuses to start with two.
set "FITLAB_GC=-XX:+UseParallelGC"
if defined FITLAB_JAVA_OPTS (
  echo %FITLAB_JAVA_OPTS% | findstr /R /C:"-XX:+Use.*GC" >nul && set "FITLAB_GC="
)
rem The client compiler only for the commands that train nothing (report, verify, list, inspect, merge, eval,
rem data), as in ./fitlab, which says why; training commands keep both compilers.
set "FITLAB_JIT="
for %%c in (report verify list inspect merge eval data) do if /i "%~1"=="%%c" set "FITLAB_JIT=-XX:TieredStopAtLevel=1"
"%FITLAB_JAVA%" %FITLAB_GC% %FITLAB_JIT% "-Dfitlab.home=%FITLAB_HOME%" -Djava.awt.headless=true -Dfile.encoding=UTF-8 %FITLAB_JAVA_OPTS% -jar "%FITLAB_JAR%" %*
exit /b %ERRORLEVEL%
