# `stepgrad net SPEC --check ANSWERS.toml`: 학생이 손으로 구한 한 스텝의 값을
# 항목마다 채점합니다(docs/net-check.md). $name, $from, $path는 stepgrad가
# 출력하는 양의 이름(out_o1, dE_total/dw5, delta_o2·w7)입니다.

net-check-heading = { $sheet } 채점: { $network } 신경망, 샘플 { $sample }
net-check-intro = 항목의 값이 적은 자릿수까지 stepgrad의 값과 같으면(마지막 자리의 반 단위 안이면), 또는 앞에서 맞게 구한 자신의 값을 반올림한 그대로 이어서 계산한 값이면 맞은 것으로 봅니다.
net-check-name = 이름
net-check-given = 학생의 값
net-check-expected = stepgrad
net-check-verdict = 판정
net-check-mistake = 짐작되는 실수
net-check-right = 맞음
net-check-right-own = 맞음
net-check-wrong = 틀림
net-check-carried = 앞 값에서 이어짐
net-check-several = 여럿 해당
net-check-unknown = 진단 없음
net-check-explained = { $name }: { $why }
net-check-summary = 항목 { $total }개 가운데 { $right }개가 맞았습니다.

net-check-label-sign_target_minus_out = (t − o)의 부호
net-check-label-sigma_prime_forgotten = σ′ 빠뜨림
net-check-label-sigma_prime_of_net = net의 σ′
net-check-label-net_for_out = out 대신 net
net-check-label-half_forgotten = ½ 빠뜨림
net-check-label-half_doubled = ½ 두 번
net-check-label-missing_path = { $path } 빠짐
net-check-label-updated_weight_in_backward = 갱신된 가중치
net-check-label-lr_forgotten = η 빠뜨림
net-check-label-lr_sign = η의 부호
net-check-label-sum_for_mean = 평균 대신 합
net-check-label-mean_for_sum = 합 대신 평균
net-check-label-truncated = 버림

net-check-why-right = 적은 자릿수까지 맞습니다
net-check-why-right-own = 맞습니다. 앞에서 반올림해 적은 자신의 값에서 바르게 이어집니다
net-check-why-sign_target_minus_out = (target − out)의 부호가 뒤집혔습니다. 이 인수는 −(target − out) = out − target입니다
net-check-why-sigma_prime_forgotten = 연쇄 법칙에서 ∂out/∂net(σ′) 인수가 빠졌습니다
net-check-why-sigma_prime_of_net = σ′을 out이 아니라 net으로 구했습니다. 시그모이드에서는 net·(1 − net)이 아니라 out·(1 − out)입니다
net-check-why-net_for_out = out이 들어갈 자리에 net을 썼습니다
net-check-why-half_forgotten = E = ½·(target − out)²의 ½을 빠뜨려서 값이 두 배가 되었습니다
net-check-why-half_doubled = ½을 두 번 곱해서(또는 제곱의 2를 내리지 않아서) 값이 절반이 되었습니다
net-check-why-missing_path = 이 뉴런이 값을 보내는 뉴런들에 대한 합에서 경로 { $path }{ PARTICLE($path, "이/가") } 빠졌습니다
net-check-why-updated_weight_in_backward = 역전파에 갱신한 뒤의 가중치를 썼습니다. 모든 기울기는 먼저 갱신 전 가중치로 구합니다
net-check-why-lr_forgotten = 갱신에서 학습률을 빠뜨렸습니다. new = old − η·∂E/∂param입니다
net-check-why-lr_sign = 갱신 방향이 반대입니다. old + η·∂E/∂param이 아니라 new = old − η·∂E/∂param입니다
net-check-why-sum_for_mean = 이 손실 함수는 샘플의 평균을 쓰는데 합을 구했습니다
net-check-why-mean_for_sum = 이 손실 함수는 샘플의 합을 쓰는데 평균을 구했습니다
net-check-why-truncated = 맞는 값을 마지막 자리에서 반올림하지 않고 잘라 냈습니다
net-check-why-carried = 틀리게 적은 { $from }에서 바르게 이어진 값입니다. 새로운 실수가 아닙니다
net-check-why-several = 실수 여러 가지({ $mistakes })에 들어맞아서 어느 것인지 말하지 않습니다
net-check-why-unknown = 틀렸습니다. stepgrad가 아는 실수 가운데 이 값이 나오는 것은 없습니다

net-check-toml-hint = 한 줄에 `이름 = 수`를 하나씩 쓰세요. 이름은 net이 출력하는 그대로 쓰고, 빗금이 있으면 따옴표로 감싸세요: "dE_total/dw5" = 0.0822
net-check-unknown-name = { $name }{ PARTICLE($name, "은/는") } 이 신경망의 양이 아닙니다
net-check-did-you-mean = { $meant }{ PARTICLE($meant, "을/를") } 쓰려던 것인가요? 이름 목록은 docs/net-check.md에 있습니다
net-check-names-hint = 이름은 net이 출력하는 그대로입니다: net_h1, out_o1, E_total, dE_total/dout_o1, delta_o1, dE_total/dw5, new_w5 (docs/net-check.md)
net-check-new-not-judged = 갱신된 파라미터는 모멘텀이나 가중치 감쇠가 없는 경사 하강법(sgd) 스텝에서만 채점합니다
net-check-not-a-number = { $name } = { $value }{ PARTICLE($value, "은/는") } 수가 아닙니다
net-check-number-hint = 값을 소수로 쓰세요: { $name } = 0.5933
net-check-empty = { $path }에는 채점할 값이 없습니다
net-check-softmax-chain = net --check는 softmax 출력을 cross_entropy 손실 함수와 함께일 때만 채점합니다. { $loss }{ PARTICLE($loss, "은/는") } 채점하지 않습니다
net-check-softmax-chain-hint = softmax에는 loss = "cross_entropy"를 쓰거나, 원소별 출력 활성화 함수를 쓰세요
net-check-format = net --check는 text, markdown, latex, json으로 씁니다. { $format }{ PARTICLE($format, "은/는") } 쓰지 않습니다
net-check-format-hint = 채점 프로그램에는 --format json을 쓰세요

help-stepgrad-net--check = 손으로 구한 첫 스텝의 값을 채점합니다(이름 = 수, 이름은 net이 출력하는 그대로; docs/net-check.md). 적은 자릿수까지 맞는지 보고, 틀리면 짐작되는 실수를 알려 줍니다. 하나라도 틀리면 종료 코드는 1입니다
net-check-too-large = net --check는 가중치와 편향이 { $limit }개 이하인 신경망의 손 계산만 채점합니다. { $shape }에는 { $count }개가 있습니다
net-check-too-large-hint = 손으로 계산할 만한 더 작은 신경망의 스텝을 채점하세요
net-check-new-frozen = 이 스텝은 { $name }{ PARTICLE($name, "을/를") } 바꾸지 않습니다. 이 파라미터는 갱신하지 않습니다(update_biases = false)
