# 모든 명령이 함께 쓰는 말.

lang-name = 한국어
