# 명령이 출력하는 표의 열 제목 (표에 행 이름이 있으면 그 이름도).
# `i18n::header`는 영어 제목으로 찾습니다.

header-accuracy = 정확도
header-after = 갱신 후
header-batch-size = 배치 크기
header-before = 갱신 전
header-derivative = 도함수
header-epoch = 에포크
header-evaluations = 계산 횟수 f / ∇f / H
header-final-f = 최종 f
header-final-loss = 최종 손실
header-final-point = 최종 위치
header-iterations = 이터레이션
header-iterations-per-epoch = 에포크당 이터레이션
header-kind = 종류
header-loss = 손실
header-net-value = net 값
header-neuron = 뉴런
header-node = 노드
header-operation = 연산
header-optimizer = 옵티마이저
header-parameter = 파라미터
header-quantity = 항목
header-sample = 샘플
header-samples-seen = 사용한 샘플 수
header-last-batch-size = 마지막 배치 크기
header-batch-loss-spread = 배치 손실의 표준편차
header-step = 스텝
header-steps = 스텝 수
header-stopped = 멈춘 이유
header-time = 시간
header-total-iterations = 전체 이터레이션
header-update = 갱신량
header-val-accuracy = 검증 정확도
header-val-loss = 검증 손실
header-value = 값
header-your-answer = 내 답
