import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * DynamoDB Local as its own main class starts it, but listening on 127.0.0.1 only: the jar has no
 * host option and binds every interface, which would let anyone on the network use the table.
 * It also exits when its standard input closes, so it dies with the process that started it,
 * even one killed with SIGKILL (functions/local/child-service.ts keeps that pipe open).
 * Run by functions/local/dynamodb-local.ts with `java <this file> <DynamoDB Local's arguments>`.
 */
public class DynamoDbLocalOnLoopback {
  public static void main(String[] args) throws Exception {
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Field jetty = DynamoDBProxyServer.class.getDeclaredField("server");
    jetty.setAccessible(true);
    for (Connector connector : ((Server) jetty.get(proxy)).getConnectors()) {
      ((ServerConnector) connector).setHost("127.0.0.1");
    }
    proxy.start();

    Thread lifeline = new Thread(() -> {
      try {
        while (System.in.read() != -1) {
          // Input carries nothing; only its end matters.
        }
      } catch (java.io.IOException ignored) {
        // A broken pipe means the parent is gone as surely as an end of input does.
      }
      System.exit(0);
    }, "exit-with-parent");
    lifeline.setDaemon(true);
    lifeline.start();
  }
}
