#!/usr/bin/env python3
"""Times the parts of the PyTorch peer's greedy decoding (../shared/peers/torch_seq2seq.py) on the reference
configuration: the encoder over a batch, and within a decoder step the embedding, the LSTM step, the output product and
the argmax, each as the mean of many calls after a warm-up. Prints one line per part, in milliseconds.

    OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 seq2seq-bench/scripts/peer_parts.py [--peer PATH] [--bidir --attention dot]
"""
import argparse, importlib.util, time
import torch


def mean_ms(f, n):
    for _ in range(5):
        f()
    t = time.perf_counter()
    for _ in range(n):
        f()
    return (time.perf_counter() - t) / n * 1e3


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--peer", default="../shared/peers/torch_seq2seq.py")
    p.add_argument("--bidir", action="store_true")
    p.add_argument("--attention", default="none", choices=["none", "dot", "general"])
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--calls", type=int, default=50)
    a = p.parse_args()
    spec = importlib.util.spec_from_file_location("peer", a.peer)
    peer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(peer)
    torch.manual_seed(0)
    torch.set_num_threads(a.threads)
    m = peer.Seq2Seq(8000, 8000, 256, 256, a.bidir, a.attention).eval()
    src = torch.randint(4, 8000, (64, 20))
    y = torch.full((64, 1), 1, dtype=torch.long)
    with torch.no_grad():
        hs, state = m.encode(src)
        e = m.tgt_emb(y)
        ds, _ = m.decoder(e, state)
        logits = m.out(ds)

        def batch():
            h, s = m.encode(src)
            yy = y
            for _ in range(20):
                out, s = m.step(h, yy, s)
                yy = out.argmax(-1)

        parts = [("encode, batch", lambda: m.encode(src), a.calls),
                 ("embedding, step", lambda: m.tgt_emb(y), a.calls),
                 ("LSTM, step", lambda: m.decoder(e, state), a.calls),
                 ("output product, step", lambda: m.out(ds), a.calls),
                 ("argmax, step", lambda: logits.argmax(-1), a.calls),
                 ("whole step (step() and argmax)", lambda: m.step(hs, y, state)[0].argmax(-1), a.calls),
                 ("greedy batch, 20 steps", batch, max(1, a.calls // 5))]
        for name, f, n in parts:
            print("%-32s %8.3f ms" % (name, mean_ms(f, n)))


if __name__ == "__main__":
    main()
