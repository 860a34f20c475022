# 명세 없이 데이터에 맞춰 train이 만드는 신경망 (training/fit.rs).
fit-unknown-activation = --activation { $name }: '{ $name }'{ PARTICLE($name, "은/는") } 알 수 없는 활성화 함수입니다
fit-softmax-hidden = --activation softmax: softmax는 출력층의 값을 확률로 바꾸는 함수라서 은닉층의 활성화 함수로 쓸 수 없습니다
fit-hidden-activations = 은닉층에 쓸 수 있는 활성화 함수: { $choices }
fit-activation-with-spec = 명세 { $spec }{ PARTICLE($spec, "와/과") } 함께 --activation { $name }{ PARTICLE($name, "을/를") } 주었습니다: 활성화 함수는 명세가 정합니다 ({ $activations })
fit-activation-with-spec-hint = 활성화 함수를 명세에서 바꾸거나, 명세 없이 데이터에 맞춰 만든 신경망을 학습하세요
