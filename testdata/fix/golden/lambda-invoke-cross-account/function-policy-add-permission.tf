# Run with credentials of account 111122223333, which owns arn:aws:lambda:eu-west-1:111122223333:function:charge-card:live: the principal's account 444455556666 cannot change this policy.
# Lambda function policy (resource-based) of arn:aws:lambda:eu-west-1:111122223333:function:charge-card:live: each aws_lambda_permission is one statement of it; the statements already there stay.
resource "aws_lambda_permission" "alloworderprocessorinvokefunction2" {
  statement_id  = "AllowOrderProcessorInvokeFunction2"
  action        = "lambda:InvokeFunction"
  function_name = "arn:aws:lambda:eu-west-1:111122223333:function:charge-card"
  principal     = "arn:aws:iam::444455556666:role/OrderProcessor"
  qualifier     = "live"
}
