interface Refund {
  orderId: string;
}

export default Refund;
