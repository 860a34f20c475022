# 문서를 쓰는 쪽이 스스로 덧붙이는 말.

# 연쇄 법칙 단계 뒤에 안쪽 함수와 그 도함수: 터미널에서, 그리고 Markdown에서
# (Markdown의 인자는 이미 수식입니다: "$u = 3x$").
doc-inner-function = 여기서 { $name } = { $function }, { $derivative_name } = { $derivative }
doc-inner-function-notes = 여기서 { $function }, { $derivative }
