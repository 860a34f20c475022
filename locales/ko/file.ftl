# 파일을 읽지 못한 까닭.

file-not-found = 그런 파일이 없습니다
file-is-folder = 파일이 아니라 폴더입니다
file-too-large = 파일 크기가 { $megabytes }MB입니다. stepgrad는 { $limit }MB까지만 읽습니다
file-not-utf8 = UTF-8 텍스트 파일이 아닙니다

# 긴 이름 목록을 줄인 것: 처음 열 개, 마지막 하나, 모두 몇 개인지.
names-shortened = { $first }, …, { $last } (모두 { $count }개)

# 문제가 하나도 없는 --file.
file-no-problems = { $path }: 파일에 문제가 없습니다
file-no-problems-hint = 한 줄에 문제 하나씩 쓰세요. #으로 시작하는 줄은 주석입니다

# --file의 답: 줄마다 붙는 제목과, 답하지 못한 줄의 수.
file-line-title = ── { $line }번째 줄: { $expr } ──
file-lines-failed = { $path }의 { $count }줄에 답하지 못했습니다
