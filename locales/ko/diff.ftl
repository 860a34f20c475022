# `stepgrad diff`의 보고서: 제목, 덧붙이는 말, 조건.
# $statement, $derivative, $var, $point는 수식입니다.

diff-derivative-of = { $statement }의 도함수
diff-derivation-of = { $derivative }의 유도
diff-derivation-by = { $var }에 대한 유도
diff-result = 결과
diff-hessian = 헤세 행렬
diff-at = { $point }에서
diff-values-at = { $point }에서의 값
diff-rules-used = 사용한 법칙
# 앞에서 구한 도함수를 다시 쓰는 단계 뒤에.
diff-derived-above = 위에서 구함
# 식을 정리한 결과 뒤에, 정리하면서 가정한 조건(수식)을 하나씩 이어서.
diff-assuming = { $conditions }일 때
diff-conditions = { $first }, { $next }
