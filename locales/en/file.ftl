# Why a file could not be read.

file-not-found = there is no such file
file-is-folder = this is a folder, not a file
file-too-large = the file has { $megabytes } MB; stepgrad reads files of at most { $limit } MB
file-not-utf8 = the file is not UTF-8 text

# A long list of names, shortened: the first ten, the last and how many.
names-shortened = { $first }, …, { $last } ({ $count } in all)

# A --file of problems with none in it.
file-no-problems = { $path }: the file has no problems
file-no-problems-hint = write one problem a line; lines starting with # are comments

# A --file's answers: the title of each line's answer, and the count of the
# lines that could not be answered.
file-line-title = ── line { $line }: { $expr } ──
file-lines-failed = { $count } line(s) of { $path } could not be answered
