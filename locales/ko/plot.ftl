# 그림에 들어가는 말: 축, 범례, 신경망 그림 아래의 설명, 그리고 그림을
# 그리지 못한 까닭.

plot-epoch = 에포크
plot-loss = 손실
plot-accuracy = 정확도
plot-learning-rate = 학습률
plot-positive-weight = 양의 가중치
plot-negative-weight = 음의 가중치
plot-thickness = 선의 굵기 ∝ |w| (가장 굵은 선: |w| = { $max })
plot-bias = 편향
plot-backward = 보라색: 역전파 (δ = ∂E/∂net, ∂E/∂w)
# $layers: 가중치에 이름표를 달지 않은 층들을 하나씩 이은 것.
plot-unlabelled = { $layers }에 들어가는 가중치에는 이름표를 달지 않았습니다. 너무 많아서 읽기 좋게 달 수 없습니다 (stepgrad net은 모두 나열합니다).
plot-unlabelled-layers = { $first }, { $next }
plot-no-neurons = 그릴 뉴런이 없는 신경망입니다
plot-not-arranged = 신경망을 배치하지 못했습니다
plot-error = 그림을 그리지 못했습니다: { $error }
# 경주 그림의 두 표시와, 그림의 범위 밖에 둔 점.
plot-start = 시작점 ({ $point })
plot-lowest = 찾은 가장 낮은 f ({ $point })
plot-view-left-out = 그림의 범위는 경로를 중심으로 골랐습니다. 점 { $count }개는 범위 밖에 있어 그 경로가 가장자리 밖으로 나갑니다.
