# 모델 파일: `train --save`가 쓰고, `--init-from`이 다시 읽고, `predict`가
# 적용하는 파일 (src/training/model_file.rs).

model-file-hint = train --save로 쓴 모델 파일이어야 합니다 (형식은 docs/json.md에 있습니다)
model-not-a-model = stepgrad 모델 파일이 아닙니다: "stepgrad": "model" 필드가 없습니다
model-parameters-only = 이 파일에는 모델 파일이 생기기 전의 stepgrad가 쓴 파라미터만 있습니다: 신경망이 어떤 열을 읽는지, 그 열을 어떻게 표준화했는지 적혀 있지 않습니다
model-parameters-only-hint = --save를 붙여 다시 학습해 모델 파일을 쓰세요
model-field-malformed = "{ $field }" 필드가 없거나 { $form } 형식이 아닙니다
model-unknown-name = "{ $field }"의 "{ $value }"{ PARTICLE($value, "은/는") } { $names } 가운데 하나가 아닙니다
model-version = 모델 파일 버전 { $version }{ PARTICLE($version, "은/는") } 이 stepgrad가 읽는 버전이 아닙니다 (읽을 수 있는 버전: { $supported })
model-bad-network = 신경망의 층 { $layers }에 활성화 함수 { $activations }개가 맞지 않습니다 (입력층 다음의 층마다 하나씩)
model-bad-shapes = W와 b가 층 { $layers }, 편향 방식 { $bias }의 모양이 아닙니다
model-bad-count = "{ $field }" 필드에 항목이 { $found }개 있는데, 신경망에는 { $expected }개가 필요합니다
model-not-finite = 파라미터와 표준화 값은 유한한 수여야 합니다 (표준편차는 0 이상)
model-other-network = { $path }에 든 모델은 신경망 { $found }의 것인데, 여기서 학습하는 신경망은 { $expected }입니다
model-other-network-hint = --init-from에는 같은 신경망(같은 명세, --hidden, 편향)에서 저장한 모델을 주거나, --init-from을 빼세요
model-other-features = { $path }의 모델은 열 { $found }{ PARTICLE($found, "을/를") } 읽는데, 데이터의 열은 { $expected }입니다
model-other-features-hint = 모델과 같은 열이 있는 데이터로 학습하거나, --init-from을 빼세요

# --init-from이 읽는, 파라미터(W와 b)만 든 파일.
model-init-from-bad = --init-from { $path }: { $problem }
model-init-from-bad-hint = train --save가 쓴 파일이어야 합니다: {"{"}"W": W[층][출력][입력], "b": b[층][…]{"}"}
# serde의 영어 설명($detail)은 한국어 메시지에 싣지 않습니다: 위치는 캐럿이 가리킵니다.
model-init-from-bad-w = W는 W[층][출력][입력] 꼴의 수여야 합니다{ $detail ->
       *[other] {""}
    }
model-init-from-bad-b = b는 b[층][…] 꼴의 수여야 합니다{ $detail ->
       *[other] {""}
    }
model-init-from-not-finite = 파라미터는 유한한 수여야 합니다
model-init-from-misfit = --init-from { $path }: 이 파라미터는 신경망 { $shape }에 맞지 않습니다({ $held }. 편향 값은 { $biases }개)
model-init-from-misfit-hint = --init-from에는 같은 신경망(같은 스펙, --hidden, 편향)에서 저장한 파일을 주세요
model-init-from-holds = 파일에 든 파라미터는 { $shape } 신경망의 것입니다
model-init-from-holds-nothing = 파일에 가중치가 없습니다
model-not-json = 올바른 JSON이 아닙니다{ $detail ->
       *[other] {""}
    }
model-not-json-hint = train --save가 쓴 파일이어야 합니다
