# 실행이 발산한 이유를 그 명령의 말로: `minimize`는 f와 그 변수로, `net`과
# `train`은 손실과 파라미터로 말합니다. $value, $start: 출력된 수;
# $component: 1부터 센 자리.

divergence-f-not-finite = f = { $value }{ PARTICLE($value, "은/는") } 유한한 수가 아닙니다
divergence-gradient-component = 기울기의 { $component }번째 성분이 { $value }{ PARTICLE($value, "이/가") } 되어 유한한 수가 아닙니다
divergence-became = { $name }{ PARTICLE($name, "이/가") } { $value }{ PARTICLE($value, "이/가") } 되었습니다
divergence-coordinate-became = 점의 { $component }번째 좌표가 { $value }{ PARTICLE($value, "이/가") } 되었습니다
divergence-f-grown-from = f = { $value }{ PARTICLE($value, "이/가") } 초깃값({ $start })의 10¹²배보다 커졌습니다
divergence-f-grown = |f| = { $value }{ PARTICLE($value, "이/가") } 10¹²보다 커졌습니다
divergence-loss-is = 손실이 { $value }입니다
divergence-batch-loss-is = 배치 손실이 { $value }입니다
divergence-gradient-is = 기울기 ∂E/∂{ $name }{ PARTICLE($name, "이/가") } { $value }입니다
divergence-a-parameter = 어떤 파라미터
divergence-loss-grown-from = 손실 { $value }{ PARTICLE($value, "이/가") } 초깃값({ $start })의 10¹²배보다 커졌습니다
divergence-loss-grown = 손실 { $value }{ PARTICLE($value, "이/가") } 10¹²보다 커졌습니다
