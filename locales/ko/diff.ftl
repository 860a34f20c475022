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

# 크기 한도를 넘는 헤세 행렬 ($detail: hessian-estimated-too-large 또는
# hessian-grew-too-large).
diff-hessian-refused = --hessian: { $detail }
diff-hessian-estimated-hint = 더 적은 변수의 2차 도함수만 구하거나(--hessian --wrt x1,x2) 식을 나누세요. 한도는 docs/limits.md에 있습니다
diff-hessian-grew-hint = 한 번만 미분하거나(--hessian 없이) 곱을 더 짧게 쓰세요. 한도는 docs/limits.md에 있습니다
hessian-estimated-too-large = 변수 { $variables }개의 헤세 행렬에는 서로 다른 2차 도함수가 { $entries }개 있고, 하나하나가 식의 크기(노드와 피연산자 { $size }개)만큼 커질 수 있습니다. 어림한 크기 { $estimate }{ PARTICLE($estimate, "은/는") } 한도 { $limit }{ PARTICLE($limit, "을/를") } 넘습니다
hessian-grew-too-large = 변수 { $variables }개의 헤세 행렬은 2차 도함수를 만드는 동안 크기 한도 { $limit }{ PARTICLE($limit, "을/를") } 넘었습니다({ $entries }개 가운데 { $built }개 완료). 인수 k개의 곱에 곱의 법칙을 두 번 쓰면 인수가 k³개쯤 생깁니다
