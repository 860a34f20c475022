# 예측이 목표값과 얼마나 맞는지: `predict`와 `train`의 끝에 보이는 지표
# (src/report/metrics.rs).

metrics-heading = 지표
metrics-accuracy = 정확도 { $accuracy } (샘플 { $total }개 가운데 { $right }개 맞음).
metrics-explained = 혼동 행렬은 샘플마다 실제 클래스의 행, 예측한 클래스의 열에 셉니다. 정밀도 = TP/(TP + FP), 재현율 = TP/(TP + FN), F1 = 2·P·R/(P + R)입니다.
metrics-undefined = — : 정의되지 않습니다. 그 클래스로 예측한 샘플이 없거나(정밀도), 데이터에 그 클래스가 없습니다(재현율).
metrics-col-confusion = 실제(행), 예측(열)
metrics-col-class = 클래스
metrics-col-precision = 정밀도
metrics-col-recall = 재현율
metrics-col-f1 = F1
metrics-col-support = 샘플 수
metrics-col-target = 목표값
metrics-col-rmse = RMSE
metrics-col-mae = MAE
metrics-col-r2 = R²
metrics-col-sample = 샘플
metrics-col-true = 실제 클래스
metrics-col-predicted = 예측
metrics-col-true-of = { $target } (실제)
metrics-col-predicted-of = { $target } (예측)
metrics-best-validation = 가장 좋은 에포크는 { $epoch }입니다: 검증 손실이 { $loss }{ PARTICLE($loss, "으로/로") } 가장 작습니다.
metrics-best-training = 가장 좋은 에포크는 { $epoch }입니다: 학습 손실이 { $loss }{ PARTICLE($loss, "으로/로") } 가장 작습니다.
metrics-restored = --restore-best: 보고하고 저장한 파라미터는 에포크 { $epoch }의 것입니다.
metrics-training-part = 학습 데이터의 지표
metrics-validation-part = 검증 데이터의 지표
